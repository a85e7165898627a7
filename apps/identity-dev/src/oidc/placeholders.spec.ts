import { delimiter, sep } from 'node:path';
import { environmentResolver, isUnresolvedPlaceholder, replaceProperties } from './placeholders';

const env = { A: 'alpha', B: 'beta', EMPTY: '', NESTED: '${A}-x', LOOP_FREE: 'plain' };
const replace = (input: string) => replaceProperties(input, environmentResolver(env));

describe('replaceProperties (Keycloak StringPropertyReplacer semantics)', () => {
  it.each([
    ['no placeholder', 'no placeholder'],
    ['${A}', 'alpha'],
    ['x ${A} y ${B} z', 'x alpha y beta z'],
    ['${UNSET}', '${UNSET}'],
    ['${UNSET:fallback}', 'fallback'],
    ['${A:fallback}', 'alpha'],
    ['${UNSET:}', ''],
    ['${UNSET:a:b}', 'a:b'],
    ['${EMPTY}', ''],
    ['${EMPTY:fallback}', ''],
    ['${UNSET,B}', 'beta'],
    ['${A,B}', 'alpha'],
    ['${UNSET,ALSO_UNSET:def}', 'def'],
    ['${UNSET,ALSO_UNSET}', '${UNSET,ALSO_UNSET}'],
    ['${UNSET:${B}}', 'beta'],
    ['${NESTED}', 'alpha-x'],
    ['${}', '${}'],
    ['${A', '${A'],
    ['$A ${A}', '$A alpha'],
    // Keycloak's quirks, kept: the scan starts at the first "${", and after that a "$" swallows the next character.
    ['$${A}', '$alpha'],
    ['${A} $${B}', 'alpha $${B}'],
    ['cost: 5$', 'cost: 5$'],
    ['${/}', sep],
    ['${:}', delimiter],
  ])('%s -> %s', (input, expected) => {
    expect(replace(input)).toBe(expected);
  });

  it('resolves a realm secret the way the import does', () => {
    const text = '{"secret": "${SERIKTES_CLIENT_SECRET_GATEWAY}"}';
    expect(replaceProperties(text, environmentResolver({ SERIKTES_CLIENT_SECRET_GATEWAY: 's3' }))).toBe(
      '{"secret": "s3"}',
    );
    expect(replaceProperties(text, environmentResolver({}))).toBe(text);
  });

  it('recognises a value that is still a whole placeholder', () => {
    expect(isUnresolvedPlaceholder('${SERIKTES_CLIENT_SECRET_GATEWAY}')).toBe(true);
    expect(isUnresolvedPlaceholder('a-${X}')).toBe(false);
    expect(isUnresolvedPlaceholder('secret')).toBe(false);
  });
});
