/** The documents' dates and times: one date style, one time zone (the body's). Shared with the public preview. */
export * from '../../../shared/format/zoned';
