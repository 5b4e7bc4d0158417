import { GraphQLError, parse } from 'graphql';
import { isUnstorableText, storableTextPlugin } from './storable-text.plugin';

/** Runs the plugin's check as Apollo would once the operation is resolved; returns the refusal, if any. */
async function refusal(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown> | undefined> {
  const hooks = await storableTextPlugin.requestDidStart!({} as never);
  try {
    await (hooks as { didResolveOperation: (context: unknown) => Promise<void> }).didResolveOperation({ request: { variables }, document: parse(query) });
    return undefined;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return error.extensions;
  }
}

describe('text that cannot be stored is refused at the door', () => {
  it('tells NUL and lone surrogates from well-formed text, emoji included', () => {
    expect(['a\u0000b', 'x\uD83D', '\uDE00y'].map(isUnstorableText)).toEqual([true, true, true]);
    expect(['Kiln 🔥', 'Ümlaut ñ', ''].map(isUnstorableText)).toEqual([false, false, false]);
  });

  it('finds it in variables, nested in objects and lists, naming the path inside the variable', async () => {
    expect(await refusal('mutation($i: X!) { m(input: $i) }', { i: { note: 'ok', acknowledgements: [{ comment: 'ok' }, { comment: 'bad\u0000' }] } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'acknowledgements.1.comment',
    });
    expect(await refusal('query($t: String!) { q(text: $t) }', { t: 'bad\uD800' })).toMatchObject({ field: 't' });
  });

  it('finds it in literals: arguments, input fields, list items and variable defaults', async () => {
    expect(await refusal('mutation { m(input: { text: "a\\u0000" }) }')).toMatchObject({ field: 'text' });
    expect(await refusal('mutation { m(input: { mentionIds: ["ok", "a\\u0000"] }) }')).toMatchObject({ field: 'mentionIds' });
    expect(await refusal('query { q(id: "a\\u0000") }')).toMatchObject({ field: 'id' });
    expect(await refusal('query($t: String = "a\\u0000") { q(text: $t) }')).toMatchObject({ field: 't' });
  });

  it('lets well-formed requests through', async () => {
    expect(await refusal('mutation($i: X!) { m(input: $i, tag: "ok 🔥") }', { i: { text: 'Kiln 🔥', list: ['a', 'b'], n: 3 } })).toBeUndefined();
  });
});
