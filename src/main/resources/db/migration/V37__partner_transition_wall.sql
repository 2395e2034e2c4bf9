-- The partner wall on the transition tables (issue 17, item 5; tables of V30): a partner's transaction sees a
-- transition, its checklist, its date moves and item history only while the person's consent to share with the
-- partner's organisation is in force (partner_may_see, V36), and no alerts at all (those are staff's tasks). A
-- checklist item given to a partner names a partner organisation of the register.

CREATE POLICY transition_partner ON transition AS RESTRICTIVE
    USING ((SELECT current_partner_user_id()) IS NULL OR partner_may_see(person_id));
CREATE POLICY transition_checklist_item_partner ON transition_checklist_item AS RESTRICTIVE
    USING ((SELECT current_partner_user_id()) IS NULL
           OR partner_may_see((SELECT t.person_id FROM transition t WHERE t.id = transition_id)));
CREATE POLICY transition_date_move_partner ON transition_date_move AS RESTRICTIVE
    USING ((SELECT current_partner_user_id()) IS NULL
           OR partner_may_see((SELECT t.person_id FROM transition t WHERE t.id = transition_id)));
CREATE POLICY transition_item_event_partner ON transition_item_event AS RESTRICTIVE
    USING ((SELECT current_partner_user_id()) IS NULL
           OR partner_may_see((SELECT t.person_id FROM transition_checklist_item i JOIN transition t ON t.id = i.transition_id
                                WHERE i.id = item_id)));
CREATE POLICY transition_alert_partner ON transition_alert AS RESTRICTIVE
    USING ((SELECT current_partner_user_id()) IS NULL);

ALTER TABLE transition_checklist_item
    ADD CONSTRAINT transition_checklist_item_partner_fk
        FOREIGN KEY (responsible_partner_org) REFERENCES partner_organisation (id);
