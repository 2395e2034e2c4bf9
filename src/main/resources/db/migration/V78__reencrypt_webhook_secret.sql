-- After a rotation of the field-encryption key, platform/crypto/FieldKeyRotation re-encrypts every encrypted column
-- with the new primary key. The webhook's signing secret is one of them; the app role may replace its ciphertext.
GRANT UPDATE (secret_encrypted) ON webhook TO ${app_role};
