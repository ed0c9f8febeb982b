// Module BackcheckReport
