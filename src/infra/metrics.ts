import { Registry, collectDefaultMetrics, Histogram, Counter, Gauge } from 'prom-client';
import type { ProcessName } from '../container.ts';

/**
 * One registry per process (per container: a test that builds several apps in one process gives each
 * its own). Modules create their metrics through it. Creating a metric whose name is already
 * registered throws, as prom-client does: every metric has one owner, built once per registry.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** Requests answered by the fast lane (src/http/fast-lane.ts), before Fastify. */
  readonly fastLaneAnswers: Counter;

  constructor(processName: ProcessName) {
    this.registry.setDefaultLabels({ process: processName });
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    this.httpDuration = this.histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
    this.fastLaneAnswers = this.counter({
      name: 'http_fast_lane_answers_total',
      help: 'Requests answered before Fastify by the fast lane (also counted in http_request_duration_seconds)',
    });
  }

  histogram<L extends string>(cfg: {
    name: string;
    help: string;
    labelNames?: readonly L[];
    buckets?: number[];
  }): Histogram<L> {
    return new Histogram<L>({ ...cfg, registers: [this.registry] });
  }

  counter<L extends string>(cfg: {
    name: string;
    help: string;
    labelNames?: readonly L[];
    collect?: (this: Counter<L>) => void | Promise<void>;
  }): Counter<L> {
    return new Counter<L>({ ...cfg, registers: [this.registry] });
  }

  gauge<L extends string>(cfg: {
    name: string;
    help: string;
    labelNames?: readonly L[];
    collect?: (this: Gauge<L>) => void | Promise<void>;
  }): Gauge<L> {
    return new Gauge<L>({ ...cfg, registers: [this.registry] });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
