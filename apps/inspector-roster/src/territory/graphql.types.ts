import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ConnectionType, LocalizedTextNode } from '@seriktes/graphql';
import type { Boundary } from './geometry';
import type { DistrictRow, Names, PrecinctPoint, PrecinctRow, RegionRow } from './territory.service';

function literalToJson(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map(literalToJson);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literalToJson(f.value)]));
    default:
      return null;
  }
}

/** A GeoJSON geometry (RFC 7946), coordinates as [longitude, latitude]. */
export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description: 'A GeoJSON geometry object (RFC 7946: Polygon or MultiPolygon here), coordinates as [longitude, latitude] in WGS 84.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalToJson,
});

export enum SettlementType {
  urban = 'urban',
  rural = 'rural',
}
registerEnumType(SettlementType, { name: 'SettlementType', description: 'Urban or rural settlement (domain.md section 4).' });

export enum LocationMatch {
  inside = 'inside',
  boundary = 'boundary',
  nearest = 'nearest',
}
registerEnumType(LocationMatch, {
  name: 'LocationMatch',
  description: 'How a point was matched to a precinct.',
  valuesMap: {
    inside: { description: 'The point lies inside the precinct.' },
    boundary: { description: 'The point lies on a boundary shared with other precincts; the lowest code wins, always the same one.' },
    nearest: { description: 'The point lies outside every precinct, within the allowed distance of this one (GPS error, a river between districts).' },
  },
});

@ObjectType('GeoPoint', { description: 'A point in WGS 84.' })
export class GeoPointNode {
  @Field(() => Float, { description: 'Latitude, degrees north.' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude, degrees east.' })
  lon!: number;
}

@ObjectType('PrecinctPoint', { description: 'The precinct police point (учаскелік полиция пункті / участковый пункт полиции): where residents meet their inspector.' })
export class PrecinctPointNode {
  @Field(() => String, { nullable: true, description: 'Street address.' })
  address!: string | null;

  @Field(() => GeoPointNode, { description: 'Location.' })
  location!: GeoPointNode;

  @Field(() => String, { nullable: true, description: 'Reception hours for residents, e.g. "Mon–Fri 09:00–18:00, Sat 09:00–13:00".' })
  receptionHours!: string | null;
}

@ObjectType('Region', { description: 'A region or city of republican significance, served by one Police Department (or the Transport Police).' })
export class RegionNode {
  @Field(() => ID, { description: 'Region code, e.g. AST.' })
  code!: string;

  @Field({ description: 'city, region or transport.' })
  kind!: string;

  @Field(() => LocalizedTextNode, { description: 'Name of the territory in three languages.' })
  names!: Names;

  @Field(() => LocalizedTextNode, { description: 'Name of its Police Department in three languages.' })
  department!: Names;

  @Field(() => GeoPointNode, { nullable: true, description: 'Seat of the Department.' })
  seat!: GeoPointNode | null;
}

@ObjectType('District', { description: 'A city, district or district-in-city police body and its territory.' })
export class DistrictNode {
  @Field(() => ID, { description: 'District code, e.g. AST-ESL.' })
  code!: string;

  @Field({ description: 'Region code, e.g. AST.' })
  regionCode!: string;

  @Field({ description: 'city, city_district, rural_district or transport_line.' })
  kind!: string;

  @Field(() => LocalizedTextNode, { description: 'Name in three languages.' })
  names!: Names;

  @Field(() => Int, { description: 'How often (months) each inspector of the district reports to residents.' })
  reportIntervalMonths!: number;
}

@ObjectType('Precinct', { description: 'An administrative precinct (әкімшілік учаске / административный участок) served by a district inspector.' })
@Directive('@key(fields: "id")')
export class PrecinctNode {
  @Field(() => ID, { description: 'Precinct code, e.g. AST-ESL-01 (the same as `code`; the federation key).' })
  id!: string;

  @Field({ description: 'Precinct code, e.g. AST-ESL-01 (region-district-number).' })
  code!: string;

  @Field({ description: 'Region (Police Department) code, e.g. AST.' })
  regionCode!: string;

  @Field({ description: 'District police body code, e.g. AST-ESL.' })
  districtCode!: string;

  @Field(() => Int, { description: 'Number of the precinct within its district.' })
  number!: number;

  @Field(() => LocalizedTextNode, { description: 'Name in three languages.' })
  names!: Names;

  @Field(() => Int, { description: 'Resident population.' })
  population!: number;

  @Field(() => Float, { description: 'Area in km².' })
  areaKm2!: number;

  @Field(() => SettlementType, { description: 'Urban or rural.' })
  settlementType!: SettlementType;

  @Field(() => GeoJSONScalar, { description: 'Boundary as a GeoJSON Polygon or MultiPolygon.' })
  boundary!: Boundary;

  @Field(() => PrecinctPointNode, { nullable: true, description: 'The precinct police point, if there is one.' })
  point!: PrecinctPointNode | null;
}

export const PrecinctConnection = ConnectionType(PrecinctNode, 'Precinct', 'A page of precincts, ordered by code.');

@ObjectType('PrecinctLocation', { description: 'The precinct a point lies in, and how it was matched.' })
export class PrecinctLocationNode {
  @Field(() => PrecinctNode, { description: 'The precinct.' })
  precinct!: PrecinctNode;

  @Field(() => LocationMatch, { description: 'Inside, on a boundary, or nearest within the allowed distance.' })
  match!: LocationMatch;

  @Field(() => Float, { description: 'Metres from the point to the precinct (0 inside or on its boundary).' })
  distanceMetres!: number;
}

@InputType('PrecinctFilter', { description: 'Which precincts to list (always within your jurisdiction).' })
export class PrecinctFilterInput {
  @Field(() => String, { nullable: true, description: 'Only this region, e.g. AST.' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this district, e.g. AST-ESL.' })
  districtCode?: string | null;

  @Field(() => SettlementType, { nullable: true, description: 'Only urban or only rural precincts.' })
  settlementType?: SettlementType | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only precincts with no inspector today; false: only those with one.' })
  vacant?: boolean | null;
}

export const toPrecinctNode = (p: PrecinctRow): PrecinctNode => ({
  id: p.code,
  code: p.code,
  regionCode: p.regionCode,
  districtCode: p.districtCode,
  number: p.number,
  names: p.name,
  population: p.population,
  areaKm2: Math.round(p.areaKm2 * 10_000) / 10_000,
  settlementType: p.settlementType as SettlementType,
  boundary: p.boundary,
  point: p.point ? toPointNode(p.point) : null,
});

const toPointNode = (p: PrecinctPoint): PrecinctPointNode => ({ address: p.address, location: { lat: p.lat, lon: p.lon }, receptionHours: p.receptionHours });

export const toRegionNode = (r: RegionRow): RegionNode => ({ code: r.code, kind: r.kind, names: r.name, department: r.department, seat: r.seat });

export const toDistrictNode = (d: DistrictRow): DistrictNode => ({ code: d.code, regionCode: d.regionCode, kind: d.kind, names: d.name, reportIntervalMonths: d.reportIntervalMonths });
