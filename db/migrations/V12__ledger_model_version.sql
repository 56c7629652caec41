-- The registry's version of the model that answered, so every ledger row can be traced to the exact upstream model
-- version it came from (models.version is varchar(128)). Null for rows written before, and for models without one.
ALTER TABLE usage_ledger ADD COLUMN model_version varchar(128);
