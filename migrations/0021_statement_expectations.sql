-- Writes that span several modules run as one statement of data-modifying CTEs (src/db/fragments.ts). Such a
-- statement states what it expects (the audit chain head it extends is still the head, a screening job chunk
-- is not yet committed); a failed expectation aborts the whole statement with the given SQLSTATE, so nothing
-- of it is written and the caller can tell a retryable conflict from a fault.
CREATE FUNCTION tradescreen_expect(ok boolean, code text, message text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message;
  END IF;
  RETURN true;
END $$;
