// Module BackcheckStore
