import { Registry, collectDefaultMetrics, Histogram, Counter, Gauge } from 'prom-client';

/**
 * One registry per process. Modules create their metrics through `metrics.registry` so a test can
 * build several apps in one process without "metric already registered" clashes. Creating a metric
 * whose name is already registered returns the existing one (a module built twice on one infra, as
 * some tests do, shares its metrics instead of throwing); the first registration's options win.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(processName: string) {
    this.registry.setDefaultLabels({ process: processName });
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    this.httpDuration = this.histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
  }

  histogram<L extends string>(cfg: {
    name: string;
    help: string;
    labelNames?: readonly L[];
    buckets?: number[];
  }): Histogram<L> {
    return (
      (this.existing(cfg.name) as Histogram<L> | undefined) ??
      new Histogram<L>({ ...cfg, registers: [this.registry] })
    );
  }

  counter<L extends string>(cfg: {
    name: string;
    help: string;
    labelNames?: readonly L[];
    collect?: (this: Counter<L>) => void | Promise<void>;
  }): Counter<L> {
    return (
      (this.existing(cfg.name) as Counter<L> | undefined) ??
      new Counter<L>({ ...cfg, registers: [this.registry] })
    );
  }

  gauge<L extends string>(cfg: {
    name: string;
    help: string;
    labelNames?: readonly L[];
    collect?: (this: Gauge<L>) => void | Promise<void>;
  }): Gauge<L> {
    return (
      (this.existing(cfg.name) as Gauge<L> | undefined) ??
      new Gauge<L>({ ...cfg, registers: [this.registry] })
    );
  }

  private existing(name: string): unknown {
    return this.registry.getSingleMetric(name);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
