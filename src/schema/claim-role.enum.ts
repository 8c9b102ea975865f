import { registerEnumType } from 'type-graphql';

/** Which claims of an entity to list. */
export enum ClaimRole {
  CLAIMANT = 'CLAIMANT',
  SUBJECT = 'SUBJECT',
  ANY = 'ANY',
}

registerEnumType(ClaimRole, {
  name: 'ClaimRole',
  description: 'The part an entity plays in a claim.',
  valuesConfig: {
    CLAIMANT: { description: 'Claims the entity makes.' },
    SUBJECT: { description: 'Claims about the entity.' },
    ANY: { description: 'Claims the entity makes or that are about it (each claim once).' },
  },
});
