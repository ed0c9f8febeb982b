// Module BackcheckPipeline
