package eu.vigie.common.client;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Refuses a call to a neighbouring service made while a transaction is active (see {@link OutsideTransaction}).
 * Runs before the transaction and fault-tolerance interceptors, so nothing is sent and no timer is started.
 */
@OutsideTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class OutsideTransactionInterceptor {

    @AroundInvoke
    Object refuseInsideTransaction(InvocationContext invocation) throws Exception {
        if (QuarkusTransaction.isActive()) {
            throw new CalledInsideTransactionException(invocation.getMethod().getDeclaringClass().getSimpleName()
                    + "." + invocation.getMethod().getName());
        }
        return invocation.proceed();
    }

    /** A neighbour was called inside a transaction: a programming error, never a neighbour's fault. */
    public static class CalledInsideTransactionException extends IllegalStateException {
        public CalledInsideTransactionException(String call) {
            super(call + " calls a neighbouring service and must not be called inside a transaction");
        }
    }
}
