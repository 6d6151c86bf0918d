// The feedback store's settings: a default file under the gitignored data/ folder, member ids off
// unless asked for, and a clear error naming the variable when a value is not understood.

import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_FEEDBACK_DB, loadConfig } from '../../src/config.js';

describe('feedback settings', () => {
  it('default to data/feedback.sqlite, without member ids', () => {
    const config = loadConfig({});
    expect(config.feedbackDb).toBe(DEFAULT_FEEDBACK_DB);
    expect(config.feedbackDb.startsWith('data/')).toBe(true);
    expect(config.feedbackRecordMemberIds).toBe(false);
  });

  it('are read from the environment', () => {
    const config = loadConfig({ FEEDBACK_DB: '/var/lib/bot/feedback.sqlite', FEEDBACK_RECORD_MEMBER_IDS: 'true' });
    expect(config.feedbackDb).toBe('/var/lib/bot/feedback.sqlite');
    expect(config.feedbackRecordMemberIds).toBe(true);
  });

  it('keep unanswered questions and votes 90 days unless FEEDBACK_RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}).feedbackRetentionDays).toBe(90);
    expect(loadConfig({ FEEDBACK_RETENTION_DAYS: ' 30 ' }).feedbackRetentionDays).toBe(30);
    for (const bad of ['0', '-5', 'forever', '3651', '1.5']) {
      expect(() => loadConfig({ FEEDBACK_RETENTION_DAYS: bad }), bad).toThrow(
        /FEEDBACK_RETENTION_DAYS: must be a whole number from 1 to 3650 \(days\)/,
      );
    }
  });

  it('refuse a member-id setting that is neither true nor false, naming it', () => {
    expect(() => loadConfig({ FEEDBACK_RECORD_MEMBER_IDS: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ FEEDBACK_RECORD_MEMBER_IDS: 'yes' })).toThrow(/FEEDBACK_RECORD_MEMBER_IDS: must be true or false/);
  });
});
