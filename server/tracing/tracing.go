// Package tracing sets up OpenTelemetry tracing for the server: when
// OTEL_EXPORTER_OTLP_ENDPOINT is set, spans of requests, GraphQL
// operations, resolvers and SQL statements are batched and exported over
// OTLP/HTTP (the SDK reads the other OTEL_EXPORTER_OTLP_* and OTEL_*
// variables: headers, timeout, sampler, resource attributes). When it is
// not set, nothing is installed: the handler and the database driver are
// the untraced ones.
package tracing

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// ServiceName is the service.name of brandshow's spans (OTEL_SERVICE_NAME
// overrides it).
const ServiceName = "brandshow"

// FromEnv returns a tracer provider exporting over OTLP/HTTP when endpoint
// (OTEL_EXPORTER_OTLP_ENDPOINT) is set, with its shutdown (which flushes
// the spans still buffered); nil and a no-op otherwise.
func FromEnv(ctx context.Context, endpoint string) (trace.TracerProvider, func(context.Context) error, error) {
	if endpoint == "" {
		return nil, func(context.Context) error { return nil }, nil
	}
	exp, err := otlptracehttp.New(ctx) // reads OTEL_EXPORTER_OTLP_* itself
	if err != nil {
		return nil, nil, fmt.Errorf("tracing: OTLP exporter: %w", err)
	}
	res, err := resource.Merge(resource.Default(), resource.NewSchemaless(attribute.String("service.name", ServiceName)))
	if err != nil {
		return nil, nil, fmt.Errorf("tracing: resource: %w", err)
	}
	// resource.Default reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES;
	// they win over the default name.
	if env, err := resource.New(ctx, resource.WithFromEnv()); err == nil {
		if merged, err := resource.Merge(res, env); err == nil {
			res = merged
		}
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp), sdktrace.WithResource(res))
	return tp, tp.Shutdown, nil
}
