export * from './types';
export { DEPARTMENTS, departmentByCode } from './regions';
export { DISTRICTS, DISTRICT_DEFINITIONS, type DistrictDefinition } from './districts';
export {
  DEFAULT_SEED,
  DEMO_ACCOUNTS,
  GRID_REGION_CODE,
  MAX_PRECINCTS_PER_DISTRICT,
  REFERENCE_DATE,
  RESIDENTS_PER_PRECINCT,
  VACANCY_SHARE,
  generateDemoTerritory,
  generateGridTerritory,
  gridDistrictCode,
  precinctCode,
} from './generate';
export { signedRingArea } from './geometry';
