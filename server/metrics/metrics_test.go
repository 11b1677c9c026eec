package metrics

import (
	"fmt"
	"testing"
)

func TestOperationLabelsAreBounded(t *testing.T) {
	m := New(nil)
	if got := m.label(""); got != "anonymous" {
		t.Fatalf("empty name: %q", got)
	}
	if got := m.label("drop table; --"); got != "other" {
		t.Fatalf("malformed name: %q", got)
	}
	for i := range maxOperations {
		if got := m.label(fmt.Sprintf("Op%d", i)); got != fmt.Sprintf("Op%d", i) {
			t.Fatalf("name %d: %q", i, got)
		}
	}
	if got := m.label("OneTooMany"); got != "other" {
		t.Fatalf("name past the bound: %q", got)
	}
	if got := m.label("Op7"); got != "Op7" {
		t.Fatalf("a known name must keep its label: %q", got)
	}
}
