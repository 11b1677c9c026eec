package httpapp_test

import (
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"brandshow/server/httpapp"
	"brandshow/server/kiosks"
	"brandshow/server/metrics"
	"brandshow/server/store/storetest"
)

// TestKioskHeartbeats: a heartbeat of a well-formed id shows in /metrics as
// that kiosk's last-seen time; malformed ids and new ids beyond the limit
// are refused and never become series.
func TestKioskHeartbeats(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db := storetest.SharedDemo(t, dia)
		m := metrics.New(nil)
		k := kiosks.New(3)
		m.Register(k)
		h := httpapp.New(httpapp.Config{DB: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Metrics: m, Kiosks: k})
		for _, id := range []string{"hall-a-1", "hall-a-2", "hall-a-1"} {
			if r := do(h, http.MethodPost, "/kiosks/"+id+"/heartbeat", nil); r.code != http.StatusNoContent {
				t.Errorf("heartbeat %s: %d %s", id, r.code, r.body)
			}
		}
		for _, id := range []string{"Hall-A", "-x", "x-", strings.Repeat("a", 33), "a%20b", "a_b", "%3Cscript%3E"} {
			if r := do(h, http.MethodPost, "/kiosks/"+id+"/heartbeat", nil); r.code != http.StatusBadRequest {
				t.Errorf("heartbeat of malformed id %q: %d", id, r.code)
			}
		}
		if r := do(h, http.MethodPost, "/kiosks/hall-b-1/heartbeat", nil); r.code != http.StatusNoContent {
			t.Errorf("third kiosk: %d", r.code)
		}
		if r := do(h, http.MethodPost, "/kiosks/hall-b-2/heartbeat", nil); r.code != http.StatusTooManyRequests {
			t.Errorf("fourth kiosk beyond the limit of 3: %d", r.code)
		}
		if r := do(h, http.MethodPost, "/kiosks/hall-a-1/heartbeat", nil); r.code != http.StatusNoContent {
			t.Errorf("a known kiosk when full: %d", r.code)
		}
		body := do(h, http.MethodGet, "/metrics", nil).body
		series := regexp.MustCompile(`(?m)^brandshow_kiosk_last_seen_timestamp_seconds\{kiosk="([^"]+)"\} (\S+)$`).FindAllStringSubmatch(body, -1)
		got := map[string]bool{}
		for _, s := range series {
			got[s[1]] = true
			if !strings.Contains(s[2], "e+09") && len(s[2]) < 10 {
				t.Errorf("kiosk %s last seen %s: not a Unix time", s[1], s[2])
			}
		}
		if len(got) != 3 || !got["hall-a-1"] || !got["hall-a-2"] || !got["hall-b-1"] {
			t.Errorf("kiosk series %v, want hall-a-1, hall-a-2, hall-b-1", got)
		}
		if !strings.Contains(body, "brandshow_kiosk_heartbeats_refused_total 8") || !strings.Contains(body, "brandshow_kiosks 3") {
			t.Errorf("refusals or count missing:\n%s", grep(body, "kiosk"))
		}
		if r := do(h, http.MethodGet, "/kiosks/hall-a-1/heartbeat", nil); r.code == http.StatusNoContent {
			t.Error("GET counted as a heartbeat")
		}
	})
}

func grep(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
