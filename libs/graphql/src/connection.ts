import { Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';

/** Relay-style page information, the same in every subgraph (hence shareable). */
@ObjectType({ description: 'Where a page of a list ends and whether more follows.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; pass it as `after` for the next page.' })
  endCursor!: string | null;

  @Field({ description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount?: number;
}

/**
 * A cursor connection type for `item`: `<Name>Connection { edges { cursor node } pageInfo totalCount }`.
 * Call once per item type at module level; `shareable` when several subgraphs define the same type.
 */
export function ConnectionType<T>(item: Type<T>, name: string, description: string, options: { shareable?: boolean } = {}): Type<Connection<T>> {
  const shareable = options.shareable ? Directive('@shareable') : () => undefined;

  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  @shareable
  class Edge {
    @Field({ description: 'Opaque position of this item in the list.' })
    cursor!: string;

    @Field(() => item, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  @shareable
  class ConnectionClass {
    @Field(() => [Edge], { description: 'The items of this page, in order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page ends and whether more follows.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { nullable: true, description: 'How many items the whole list holds (within the caller’s jurisdiction).' })
    totalCount?: number;
  }
  return ConnectionClass as Type<Connection<T>>;
}

/** Builds a connection from `size + 1` fetched rows (the extra row only tells whether more follow). */
export function toConnection<Row, T>(rows: Row[], size: number, node: (row: Row) => T, cursor: (row: Row) => string, totalCount?: number): Connection<T> {
  const page = rows.slice(0, size);
  return {
    edges: page.map((row) => ({ cursor: cursor(row), node: node(row) })),
    pageInfo: { endCursor: page.length ? cursor(page[page.length - 1]) : null, hasNextPage: rows.length > size },
    totalCount,
  };
}
