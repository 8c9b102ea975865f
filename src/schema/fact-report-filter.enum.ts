import { registerEnumType } from 'type-graphql';

/** Which reports of facts a listing of figures or quotes keeps. */
export enum FactReportFilter {
  ALL = 'ALL',
  FIRST = 'FIRST',
  SHARED = 'SHARED',
}

registerEnumType(FactReportFilter, {
  name: 'FactReportFilter',
  description:
    'Figures and quotes as reports of facts. A figure reports the fact "this subject, unit, counted, value or range, qualifier, change and period"; a quote, "this speaker said these words". ' +
    'Reports of one fact in different articles are linked (`Figure.alsoReportedBy`, `Quote.alsoReportedIn`), and a fact is named by its first report in list order.',
  valuesConfig: {
    ALL: { description: 'Every figure or quote: each mention of a fact (what the lists give without this filter).' },
    FIRST: {
      description: 'The first report of each fact only: each distinct fact once, so `totalCount` counts distinct facts and a sum of values counts each once.',
    },
    SHARED: { description: 'The first report of each fact that more than one article reports (see `reportingArticleCount`).' },
  },
});
