-- CreateIndex
CREATE INDEX "OutboxMessage_kind_status_idx" ON "OutboxMessage"("kind", "status");

