package ru.yavka.triage.llm;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import ru.yavka.triage.retrieval.Retrieval;

/** GigaChat failed: retrieval voting decides, with the reason in the result. */
public class LlmFallback implements FallbackHandler<Decision> {

    private static final Logger LOG = Logger.getLogger(LlmFallback.class);

    @Override
    public Decision handle(ExecutionContext context) {
        Retrieval retrieval = (Retrieval) context.getParameters()[1];
        String reason = reason(context.getFailure());
        LOG.warnf("GigaChat not used, retrieval decides: %s", reason);
        return Decision.retrieval(retrieval.best(), reason);
    }

    private static String reason(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "GigaChat did not answer in time";
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "GigaChat is failing; calls are paused";
        }
        return failure == null || failure.getMessage() == null ? "GigaChat failed" : failure.getMessage();
    }
}
