// Module BackcheckWatch
