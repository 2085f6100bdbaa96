/**
 * The demo company's customers in their own words: comments for feedback answers and for some
 * interactions staff logged with scores. Unhappy answers complain about the touchpoint's usual
 * causes, and the "Delivery and installation" story has its own voice, so the keyword themes,
 * the sentiment filters and the feedback search have something real to show.
 */

type Pick = <T>(items: readonly T[]) => T;

const DELIVERY_NEGATIVE = [
  'Missed delivery slot, nobody called to say the van was late.',
  'The installers left a mess and a scratched worktop.',
  'Late delivery again. Took a day off work for nothing.',
  'Missed delivery slot and the rebooked date is two weeks away.',
  'Installers arrived four hours late and rushed the fitting.',
  'Scratched worktop and a broken hinge, still waiting for a replacement part.',
  'The installers left a mess in the hallway. Very disappointed.',
  'Late delivery, no apology, and the panel was damaged.',
  'Nobody called back about the missed delivery slot.',
  'Fitting took two visits because the installers brought the wrong parts.',
];
const DELIVERY_MIXED = [
  'Late delivery, but the installers were friendly and tidy.',
  'Great installers, shame about the missed delivery slot.',
  'The fitting looks good but the installers left a mess.',
  'Delivery was on time, but a scratched worktop had to be replaced.',
];
const DELIVERY_POSITIVE = [
  'The installers were friendly, tidy and finished early. Great job.',
  'Delivery on time and the fitting was perfect.',
  'Brilliant installers, they protected the floors and cleaned up.',
  'Really pleased: on time, careful and helpful installers.',
];

const BY_CAUSE: Record<string, string[]> = {
  'Long wait': [
    'Long wait on hold, over half an hour.',
    'Nobody called back when promised, long wait for an answer.',
    'Waited ages in the showroom before anyone helped.',
    'Long wait for the quote, had to chase twice.',
  ],
  'Wrong information': [
    'Wrong information about the price, the final bill was higher.',
    'Was given wrong information about the delivery date.',
    'The website said in stock, the showroom said eight weeks. Confusing and frustrating.',
  ],
  'Billing error': [
    'Billing error: charged twice and waiting for a refund.',
    'Billing error on the invoice, took three calls to fix.',
    'Charged the wrong amount, still waiting for a refund.',
  ],
  'Delivery problem': DELIVERY_NEGATIVE,
  'Product fault': [
    'Product fault after a week, the panel stopped working.',
    'The app keeps crashing and the readings are wrong.',
    'Faulty unit, engineer cannot come for two weeks.',
  ],
  'Rude or unhelpful': [
    'Rude and unhelpful on the phone.',
    'The adviser was unhelpful and kept transferring me.',
    'Felt pressured and rushed by the salesperson.',
  ],
};
const GENERIC_NEGATIVE = [
  'Nobody called back when promised.',
  'Poor communication, had to chase for every update.',
  'Disappointed, not what I was told.',
];
const POSITIVE = [
  'Helpful and friendly, thank you.',
  'Great service, quick and easy.',
  'Very clear advice, no pressure. Happy customer.',
  'Excellent, would recommend to friends.',
  'Quick answer and a friendly adviser.',
];
const NEUTRAL = [
  'As expected.',
  'Asked about the delivery date.',
  'Booked the next visit.',
  'It was fine, nothing special.',
  'Quote received by email.',
];

/** A comment for one interaction, or null when the customer left none. */
export function demoComment(
  {
    touchpoint,
    causes,
    unhappy,
    happy,
    fromFeedback,
  }: { touchpoint: string; causes: string[]; unhappy: boolean; happy: boolean; fromFeedback: boolean },
  next: () => number,
): string | null {
  const pick: Pick = (items) => items[Math.floor(next() * items.length)]!;
  // Most feedback answers carry a comment; staff note the customer's words now and then, mostly
  // when something went wrong.
  const chance = fromFeedback ? 0.7 : unhappy ? 0.35 : 0.08;
  if (next() >= chance) return null;
  const delivery = touchpoint === 'Delivery and installation';
  if (unhappy) {
    if (delivery) return next() < 0.2 ? pick(DELIVERY_MIXED) : pick(DELIVERY_NEGATIVE);
    const cause = next() < 0.6 ? causes[0] : pick(causes);
    return pick(BY_CAUSE[cause ?? ''] ?? GENERIC_NEGATIVE);
  }
  if (happy) return delivery ? (next() < 0.15 ? pick(DELIVERY_MIXED) : pick(DELIVERY_POSITIVE)) : pick(POSITIVE);
  return pick(NEUTRAL);
}
