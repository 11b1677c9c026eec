package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"brandshow/server/tools/loopback"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// Latencies keeps every sample: exact percentiles, and at these sizes (a few
// hundred thousand requests a run at most) memory is no concern.
type Latencies []time.Duration

// Percentile is loopback.Percentile; s must be sorted.
func (s Latencies) Percentile(p float64) time.Duration { return loopback.Percentile(s, p) }

// Sorted returns a sorted copy.
func (s Latencies) Sorted() Latencies { return loopback.Sorted(s) }

// statementsMetric is the server's histogram of SQL statements per request
// (server/metrics): its _sum and _count, summed over operations, give the
// statements and requests of a time window.
const statementsMetric = "brandshow_sql_statements_per_request"

// StatementCounter is a reading of the server's statement histogram.
type StatementCounter struct {
	Statements float64
	Requests   float64
}

// readStatements scrapes a Prometheus endpoint for statementsMetric.
func readStatements(ctx context.Context, client *http.Client, metricsURL string) (StatementCounter, error) {
	families, err := scrape(ctx, client, metricsURL)
	if err != nil {
		return StatementCounter{}, err
	}
	return statementsFrom(families)
}

// scrape reads a Prometheus text-format endpoint.
func scrape(ctx context.Context, client *http.Client, metricsURL string) (map[string]*dto.MetricFamily, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, metricsURL, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: HTTP %d", metricsURL, resp.StatusCode)
	}
	return parseMetrics(resp.Body)
}

func parseMetrics(r io.Reader) (map[string]*dto.MetricFamily, error) {
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(r)
	if err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	return families, nil
}

// statementsFrom sums statementsMetric over its operations.
func statementsFrom(families map[string]*dto.MetricFamily) (StatementCounter, error) {
	fam, ok := families[statementsMetric]
	if !ok {
		return StatementCounter{}, fmt.Errorf("metrics: no %s (is this a brandshow server with METRICS on?)", statementsMetric)
	}
	var c StatementCounter
	for _, m := range fam.GetMetric() {
		h := m.GetHistogram()
		c.Statements += h.GetSampleSum()
		c.Requests += float64(h.GetSampleCount())
	}
	return c, nil
}

// readPGCount reads pgcount's statement counter from its /metrics.
func readPGCount(ctx context.Context, client *http.Client, metricsURL string) (float64, error) {
	families, err := scrape(ctx, client, metricsURL)
	if err != nil {
		return 0, err
	}
	fam, ok := families[pgCountMetric]
	if !ok || len(fam.GetMetric()) != 1 {
		return 0, fmt.Errorf("%s: no %s (is it a loadgen pgcount?)", metricsURL, pgCountMetric)
	}
	return fam.GetMetric()[0].GetCounter().GetValue(), nil
}
