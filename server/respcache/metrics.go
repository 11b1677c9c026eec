package respcache

import "github.com/prometheus/client_golang/prometheus"

// Collectors are the cache's Prometheus metrics, read from its counters at
// scrape time (metrics.Metrics.Register adds them to /metrics).
func (c *Cache) Collectors() []prometheus.Collector {
	counter := func(name, help string, read func(Stats) int64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help}, func() float64 { return float64(read(c.Stats())) })
	}
	gauge := func(name, help string, read func(Stats) int64) prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, func() float64 { return float64(read(c.Stats())) })
	}
	cs := []prometheus.Collector{
		counter("brandshow_response_cache_hits_total", "Anonymous GraphQL answers served from the response cache.", func(s Stats) int64 { return s.Hits }),
		counter("brandshow_response_cache_misses_total", "Cacheable anonymous requests that had to execute.", func(s Stats) int64 { return s.Misses }),
		counter("brandshow_response_cache_coalesced_total", "Misses answered by another request's execution of the same query (counted as hits too).", func(s Stats) int64 { return s.Coalesced }),
		counter("brandshow_response_cache_stores_total", "Answers stored in the response cache.", func(s Stats) int64 { return s.Stores }),
		counter("brandshow_response_cache_stale_refusals_total", "Answers not stored because a write invalidated the cache while they were computed.", func(s Stats) int64 { return s.RejectedStale }),
		counter("brandshow_response_cache_evictions_total", "Answers evicted to stay within RESPONSE_CACHE_MB or because their TTL passed.", func(s Stats) int64 { return s.Evictions }),
		gauge("brandshow_response_cache_bytes", "Memory held by the response cache's answers, in bytes.", func(s Stats) int64 { return s.Bytes }),
		gauge("brandshow_response_cache_entries", "Answers in the response cache.", func(s Stats) int64 { return int64(s.Entries) }),
	}
	for i := range c.invalidations {
		reason := invalidationReason(i)
		cs = append(cs, prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name:        "brandshow_response_cache_invalidations_total",
			Help:        "Times the response cache was emptied, by reason: local_write (this process), remote_write (NOTIFY from another), listener_up/listener_down (the LISTEN connection), scheduled (a scheduled publication or withdrawal came, server/schedule), replica_lag (the delayed repeat for a read replica).",
			ConstLabels: prometheus.Labels{"reason": reason},
		}, func() float64 { return float64(c.invalidations[i].Load()) }))
	}
	return cs
}
