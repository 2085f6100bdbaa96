// wink-sentiment and stopword ship no types; these are the parts OutsideIn reads.
declare module 'wink-sentiment' {
  interface WinkSentimentResult {
    /** Sum of the AFINN-165 scores of the words, emojis and emoticons, after negation. */
    score: number;
    /** score divided by the number of scored tokens, in about −5…5. */
    normalizedScore: number;
  }
  function sentiment(phrase: string): WinkSentimentResult;
  export default sentiment;
}

declare module 'stopword' {
  export const eng: string[];
}
