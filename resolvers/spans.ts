import type { ArticleNode, Span } from '../src/graph';
import type { GraphContext } from '../src/schema/context';

/** The article a span is in. */
export async function articleOfSpan(span: Span, ctx: GraphContext): Promise<ArticleNode> {
  return (await ctx.loaders.node.load(span.articleId)) as ArticleNode;
}

/** The words of a span, batched with the request's other spans; the article itself is not loaded. */
export async function textOfSpan(span: Span, ctx: GraphContext): Promise<string> {
  const text = await ctx.loaders.spanText.load(span);
  if (text === null) throw new Error(`the span ${span.start}-${span.end} names an article that is not in the graph: ${span.articleId}`);
  return text;
}
