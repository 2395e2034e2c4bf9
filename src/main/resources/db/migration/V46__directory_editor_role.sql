-- The directory editor (issue 19): keeps an organisation's offers and the network's shared entries of the service
-- directory. The role check lists partner's PARTNER (V35) too, so the order of the two migrations does not matter
-- (/tmp/coord/ROLES-CHECK.md).
ALTER TABLE user_role DROP CONSTRAINT IF EXISTS user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check CHECK (role IN ('ORG_ADMIN', 'COORDINATOR', 'STAFF',
    'VOLUNTEER', 'PARTICIPANT', 'REPORT_VIEWER', 'PARTNER', 'DIRECTORY_EDITOR'));
