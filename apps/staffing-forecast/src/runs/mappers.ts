import { horizonOf, SCENARIOS, type ScenarioName } from '../models/scenarios';
import type { CategoryDemand, ModelExplanation, NamedValue } from './engine';
import type { DistrictResult, RunRow, RunSummary, WhatIfResult } from './run.service';
import type { DistrictForecastNode, ForecastRunNode, PrecinctNeedNode, RunSummaryNode, ScenarioNode, StaffingNeedNode } from '../graphql.types';
import type { ScenarioEnum, StaffingModelEnum, RunStatusEnum } from '../graphql.types';

/** Any nested object of numbers, strings and lists as named values (`a.b`), for display. */
export function namedValues(object: object, prefix = ''): NamedValue[] {
  const out: NamedValue[] = [];
  for (const [key, value] of Object.entries(object)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'number') out.push({ name, value });
    else if (typeof value === 'boolean') out.push({ name, value: value ? 1 : 0 });
    else if (typeof value === 'string') out.push({ name, value: 0, note: value });
    else if (value === null) out.push({ name, value: 0, note: 'none' });
    else if (Array.isArray(value)) out.push({ name, value: value.length, note: value.join(', ') });
    else if (typeof value === 'object') out.push(...namedValues(value as object, name));
  }
  return out;
}

export function summaryNode(s: RunSummary): RunSummaryNode {
  return { precincts: s.precincts, need: s.need, current: s.current, allocated: s.allocated, filled: s.filled, authorised: s.authorised, gap: s.gap, damped: s.damped, durationMs: s.durationMs };
}

export function districtNode(d: DistrictResult): DistrictForecastNode {
  return {
    districtCode: d.districtCode,
    need: d.need,
    current: d.current,
    allocated: d.allocated,
    filled: d.filled,
    authorised: d.authorised,
    filledAtHorizon: d.filledAtHorizon,
    gap: d.gap,
    supply: d.supply?.points ?? [],
    supplyBasis: d.supply
      ? [
          ...Object.entries(d.supply.annualRates).map(([reason, rate]) => ({ name: `annual departure rate: ${reason}`, value: Math.round(rate * 10_000) / 10_000 })),
          { name: 'hires a month', value: d.supply.hiresPerMonth },
          { name: 'training lead time', value: d.supply.trainingLeadMonths, unit: 'months' },
          { name: 'months of facts behind the rates', value: d.supply.basisMonths, unit: 'months' },
        ]
      : [],
  };
}

export function runNode(r: RunRow): ForecastRunNode {
  return {
    id: r.id,
    scope: r.scope_code,
    horizonMonths: r.horizon_months,
    horizon: horizonOf(r.horizon_months),
    scenario: r.scenario as ScenarioEnum,
    model: r.model as StaffingModelEnum,
    parameters: namedValues(r.parameters),
    status: r.status as RunStatusEnum,
    progress: { done: r.progress_done, total: r.progress_total },
    summary: r.summary ? summaryNode(r.summary) : null,
    error: r.error,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    publishedAt: r.published_at?.toISOString() ?? null,
    publishedBy: r.published_by,
  };
}

export interface StoredPrecinct {
  precinct_code: string;
  district_code: string;
  need: number;
  need_workload: number;
  need_population: number;
  need_queueing: number;
  current: number;
  allocated: number;
  explanation: { models: ModelExplanation[]; demand: CategoryDemand[]; binding?: string | null };
}

export function precinctNode(p: StoredPrecinct): PrecinctNeedNode {
  return {
    precinctCode: p.precinct_code,
    precinct: { id: p.precinct_code },
    districtCode: p.district_code,
    need: p.need,
    needWorkload: p.need_workload,
    needPopulation: p.need_population,
    needQueueing: p.need_queueing,
    current: p.current,
    allocated: p.allocated,
    change: p.allocated - p.current,
    binding: p.explanation.binding ?? null,
    explanation: p.explanation.models,
    demand: p.explanation.demand,
  };
}

export function whatIfNode(w: WhatIfResult): StaffingNeedNode {
  return {
    scope: w.scopeCode,
    model: w.model as StaffingModelEnum,
    horizonMonths: w.horizonMonths,
    scenario: w.scenario as ScenarioEnum,
    parameters: namedValues(w.parameters),
    summary: summaryNode(w.summary),
    districts: w.summary.districts.map(districtNode),
    precincts: w.precincts.map((n) => ({
      precinctCode: n.code,
      precinct: { id: n.code },
      districtCode: n.districtCode,
      need: n.need,
      needWorkload: n.workload,
      needPopulation: n.population,
      needQueueing: n.queueing,
      current: n.current,
      allocated: n.allocated,
      change: n.change,
      binding: n.binding,
      explanation: n.explanation.models,
      demand: n.explanation.demand,
    })),
  };
}

export function scenarioNodes(): ScenarioNode[] {
  return (Object.keys(SCENARIOS) as ScenarioName[]).map((code) => ({
    code: code as ScenarioEnum,
    name: SCENARIOS[code].name,
    description: SCENARIOS[code].description,
    parameters: namedValues(SCENARIOS[code].parameters),
  }));
}
