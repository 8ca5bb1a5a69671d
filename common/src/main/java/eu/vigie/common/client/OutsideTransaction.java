package eu.vigie.common.client;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a bean that calls a neighbouring service: it must never be called while a transaction is active.
 * <p>
 * A call to a neighbour inside a transaction holds the transaction's row locks and database connection for as long
 * as the neighbour takes, and its fault-tolerance time-out breaks the transaction: SmallRye Context Propagation
 * carries the transaction to the time-out's timer thread, so that the rollback after a time-out finds two threads
 * in it ({@code ARJUNA012095}, {@code XAER_RMERR}). Callers ask the neighbour first and write afterwards, or write
 * an outbox message that a relay delivers outside any transaction. {@link OutsideTransactionInterceptor} refuses the
 * call, before any fault-tolerance interceptor runs, so that a caller that breaks the rule fails in its tests.
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface OutsideTransaction {
}
