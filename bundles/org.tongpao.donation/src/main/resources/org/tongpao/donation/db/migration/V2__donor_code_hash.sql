-- Donor codes are bearer secrets of the public look-up: only their SHA-256 stays. A new code waits in
-- donor_code_pending until its acknowledgement is first printed (then it is cleared; donor_code_shown_at says
-- when). Rows written before this migration are hashed by the service when it starts (DonorCodes.hashStored),
-- which then clears donor_code: the column is kept only for that step.
ALTER TABLE tp_don_donation DROP CONSTRAINT tp_don_donation_code;
ALTER TABLE tp_don_donation ALTER COLUMN donor_code DROP NOT NULL;
ALTER TABLE tp_don_donation ADD COLUMN donor_code_hash VARCHAR(64);
ALTER TABLE tp_don_donation ADD COLUMN donor_code_pending VARCHAR(32);
ALTER TABLE tp_don_donation ADD COLUMN donor_code_shown_at TIMESTAMP;
CREATE INDEX tp_don_donation_code_hash ON tp_don_donation (donor_code_hash);
