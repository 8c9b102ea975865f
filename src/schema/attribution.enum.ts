import { registerEnumType } from 'type-graphql';

/** How a claim is attributed. */
export enum Attribution {
  DIRECT_QUOTE = 'DIRECT_QUOTE',
  PARAPHRASE = 'PARAPHRASE',
  EDITORIAL = 'EDITORIAL',
}

registerEnumType(Attribution, {
  name: 'Attribution',
  description: 'How the article attributes a claim.',
  valuesConfig: {
    DIRECT_QUOTE: { description: 'The claim rests on a verbatim quote of its claimant (see `Claim.quotes`).' },
    PARAPHRASE: { description: 'The article reports, without quoting, what the claimant said or holds.' },
    EDITORIAL: { description: 'The article asserts the claim in its own voice; there is no claimant.' },
  },
});
