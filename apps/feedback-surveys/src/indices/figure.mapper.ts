import type { IndexFigureNode, ServiceLineEnum } from '../graphql.types';
import type { IndexFigure } from './index.service';
import { periodLabel } from './index.service';

const round = (v: number | null, digits = 1) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export function figureNode(f: IndexFigure): IndexFigureNode {
  return {
    indicator: f.indicator.code,
    name: f.indicator.name,
    kind: f.indicator.kind,
    value: round(f.value),
    lower: round(f.lower),
    upper: round(f.upper),
    n: f.n,
    effectiveN: round(f.effectiveN, 1) ?? 0,
    designEffect: round(f.designEffect, 3) ?? 1,
    suppressed: f.suppressed,
    method: f.method,
    weighted: f.weighted,
    instrumentCode: f.version.code,
    instrumentVersion: f.version.version,
    territoryCode: f.scope.code,
    period: periodLabel(f.period.kind, f.period.start),
    serviceLine: (f.serviceLine as ServiceLineEnum | null) ?? null,
    precinct: f.scope.level === 'precinct' ? { id: f.scope.code } : null,
  };
}
