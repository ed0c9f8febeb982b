// Module BackcheckConfig
