-- A tenant chooses which events its endpoint receives (issue 23: an ERP wants screening outcomes, a monitoring
-- desk wants alerts). NULL keeps today's meaning for every existing endpoint: every event, including ones added
-- later.
ALTER TABLE webhooks ADD COLUMN events text[];
