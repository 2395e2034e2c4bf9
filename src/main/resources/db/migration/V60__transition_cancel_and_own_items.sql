-- Issue 17, what was left: a transition can be cancelled (V30 had the column, nothing set it). A cancellation keeps
-- why, who and when; its open alerts close as «cancelled». A checklist item can be added to one transition only
-- (code OWN, with its own label and no entry in the organisation's list), for instance from a decision of the
-- responsibility group.

ALTER TABLE transition
    ADD COLUMN cancelled_reason text CHECK (length(cancelled_reason) BETWEEN 1 AND 500),
    ADD COLUMN cancelled_by     uuid REFERENCES app_user (id),
    ADD CONSTRAINT transition_cancelled_reason_ck CHECK ((cancelled_at IS NULL) = (cancelled_reason IS NULL));

ALTER TABLE transition_alert
    DROP CONSTRAINT transition_alert_closed_reason_check,
    ADD CONSTRAINT transition_alert_closed_reason_check
        CHECK (closed_reason IN ('DONE', 'MOVED', 'READY', 'NEXT', 'CANCELLED'));

ALTER TABLE transition_checklist_item
    DROP CONSTRAINT transition_checklist_item_code_check,
    ADD CONSTRAINT transition_checklist_item_code_check
        CHECK (code IN ('HOUSING', 'INCOME', 'GP', 'MUNICIPAL_FOLLOWUP', 'ACTIVITY', 'NETWORK', 'MEDICATION',
                        'DEBT_LEGAL', 'INDIVIDUAL_PLAN', 'EXTRA', 'OWN')),
    DROP CONSTRAINT transition_checklist_item_check,
    ADD CONSTRAINT transition_checklist_item_extra_ck CHECK ((code = 'EXTRA') = (extra_id IS NOT NULL)),
    ADD CONSTRAINT transition_checklist_item_label_ck CHECK ((code IN ('EXTRA', 'OWN')) = (label IS NOT NULL));

-- a seed item once per transition; an item of one transition as often as needed
DROP INDEX transition_checklist_item_code_uq;
CREATE UNIQUE INDEX transition_checklist_item_code_uq ON transition_checklist_item (transition_id, code)
    WHERE code NOT IN ('EXTRA', 'OWN');
