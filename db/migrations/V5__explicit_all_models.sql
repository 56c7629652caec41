-- allowed_models: ["*"] now means every model and route, and an empty list means none (it used to mean every one).
-- Keys stored with the old empty list keep the access they had.
UPDATE api_keys SET allowed_models = '["*"]'::jsonb WHERE allowed_models = '[]'::jsonb;

ALTER TABLE api_keys ADD CONSTRAINT api_keys_allowed_models_array CHECK (jsonb_typeof(allowed_models) = 'array');
