process.env.TEST_DB = "postgresql";
