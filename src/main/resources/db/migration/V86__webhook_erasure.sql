-- When a person is erased, webhook/internal/WebhookErasure removes their id from the queued and logged webhook
-- bodies in the erasing transaction: a delivery still waiting that then names no one is deleted with its attempts,
-- every other one keeps its log line with the id taken out of its body and its person_ids. The tables' tenant
-- policies (V70, FOR ALL) already limit these to the erasing organisation's rows.
GRANT UPDATE (body, person_ids) ON webhook_delivery TO ${app_role};
GRANT DELETE ON webhook_delivery TO ${app_role};
GRANT DELETE ON webhook_attempt TO ${app_role};
