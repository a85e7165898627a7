/**
 * The demo territory written as the import files a Police Department would provide: a GeoJSON
 * FeatureCollection of precincts (one feature per line) and a CSV of inspectors. The seed loads
 * them through the same importer and checks as real data.
 */
import type { DemoInspector, DemoPrecinct } from './types';

export function precinctsGeoJson(precincts: readonly DemoPrecinct[]): string {
  const features = precincts.map((p) =>
    JSON.stringify({
      type: 'Feature',
      properties: {
        code: p.code,
        name_kk: p.name.kk,
        name_ru: p.name.ru,
        name_en: p.name.en,
        population: p.population,
        settlement_type: p.settlementType,
        area_km2: p.areaKm2,
        point_address: p.point.address,
        point_lat: p.point.lat,
        point_lon: p.point.lon,
        reception_hours: p.point.receptionHours,
      },
      geometry: p.boundary,
    }),
  );
  return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
}

const CSV_HEADER = ['personal_number', 'last_name', 'first_name', 'patronymic', 'rank', 'position', 'unit', 'precinct_code', 'assigned_from', 'phone', 'username', 'service_start'];

const csvField = (value: string | null): string => (value === null ? '' : /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function inspectorsCsv(inspectors: readonly DemoInspector[]): string {
  const lines = inspectors.map((i) =>
    [i.personalNumber, i.lastName, i.firstName, i.patronymic, i.rank, i.position, i.unitCode, i.precinctCode, i.precinctCode ? i.assignedFrom : null, i.phone, i.username, i.serviceStart]
      .map(csvField)
      .join(','),
  );
  return `${CSV_HEADER.join(',')}\n${lines.join('\n')}\n`;
}
