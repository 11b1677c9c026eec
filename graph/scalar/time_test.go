package scalar

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	for in, want := range map[string]time.Time{
		"2024-03-08":                     time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC),
		" 2024-03-08 ":                   time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC),
		"2024-03-08T09:30:00+08:00":      time.Date(2024, 3, 8, 1, 30, 0, 0, time.UTC),
		"2024-03-08T09:30:00.123456789Z": time.Date(2024, 3, 8, 9, 30, 0, 123456789, time.UTC),
		"2024-03-08 09:30:00":            time.Date(2024, 3, 8, 9, 30, 0, 0, time.UTC),
	} {
		got, err := ParseTime(in)
		if err != nil || !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("ParseTime(%q) = %v, %v; want %v in UTC", in, got, err, want)
		}
	}
	for _, in := range []string{"2024-13-45", "8 March 2024", "2024-03-08T09:30:00", "20240308"} {
		if _, err := ParseTime(in); err == nil {
			t.Errorf("ParseTime(%q) accepted", in)
		}
	}
	if _, err := UnmarshalTime(20240308); err == nil {
		t.Error("a number accepted as a time")
	}
}
