import { closeTestDatabaseConnections } from "./databases";

// After each test file on PostgreSQL: its worker's databases stay for the next file, their connections do not.
afterAll(closeTestDatabaseConnections);
