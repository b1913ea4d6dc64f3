package dev.retort.internal.fleet;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded pool of connections to the fleet's databases: at most {@code size} open at once, whichever database they
 * reach. A connection closed by its user goes back idle under its database's key, for the next target on that database
 * (a schema fleet's targets all share one); when the pool is full, an idle connection to another database is closed to
 * make room, and otherwise the caller waits.
 */
final class ConnectionPool implements AutoCloseable {

    /** Opens a new physical connection. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final int size;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final Map<String, Deque<Connection>> idle = new HashMap<>();
    private int open;
    private boolean closed;

    ConnectionPool(int size) {
        this.size = size;
    }

    /** A connection to the database {@code key} names: an idle one, else a new one once the bound allows. */
    Connection borrow(String key, Opener opener) throws SQLException {
        Connection physical = null;
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new SQLException("The fleet's connection pool is closed.");
                }
                Deque<Connection> mine = idle.get(key);
                if (mine != null && !mine.isEmpty()) {
                    physical = mine.pop();
                    break;
                }
                if (open < size) {
                    open++;
                    break;
                }
                Connection other = anyIdle();
                if (other != null) {
                    quietlyClose(other);
                    continue; // open was decremented: room for one
                }
                available.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        if (physical == null) {
            try {
                physical = opener.open();
            } catch (SQLException | RuntimeException e) {
                released();
                throw e;
            }
        }
        return wrap(key, physical);
    }

    /** Closes the idle connections to one database: its targets are done. */
    void evict(String key) {
        lock.lock();
        try {
            Deque<Connection> mine = idle.remove(key);
            if (mine != null) {
                mine.forEach(this::quietlyClose);
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many connections are open, idle ones included. */
    int open() {
        lock.lock();
        try {
            return open;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            idle.values().forEach(d -> d.forEach(this::quietlyClose));
            idle.clear();
            available.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: an idle connection to any database, removed from its list, or null. */
    private Connection anyIdle() {
        for (Iterator<Deque<Connection>> it = idle.values().iterator(); it.hasNext(); ) {
            Deque<Connection> d = it.next();
            if (!d.isEmpty()) {
                return d.pop();
            }
            it.remove();
        }
        return null;
    }

    /** Under the lock or not: closes a physical connection and frees its place. */
    private void quietlyClose(Connection physical) {
        try {
            physical.close();
        } catch (SQLException | RuntimeException e) {
            // gone either way
        }
        released();
    }

    private void released() {
        lock.lock();
        try {
            open--;
            available.signal();
        } finally {
            lock.unlock();
        }
    }

    /** A user's connection back: idle again when it is still usable, in auto-commit as it was lent. */
    private void giveBack(String key, Connection physical) {
        boolean usable;
        try {
            usable = !physical.isClosed();
            if (usable && !physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            usable = false;
        }
        if (!usable) {
            quietlyClose(physical);
            return;
        }
        lock.lock();
        try {
            if (closed) {
                quietlyClose(physical);
                return;
            }
            idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(physical);
            available.signal();
        } finally {
            lock.unlock();
        }
    }

    private Connection wrap(String key, Connection physical) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean returned;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close":
                        if (!returned) {
                            returned = true;
                            giveBack(key, physical);
                        }
                        return null;
                    case "isClosed":
                        return returned || physical.isClosed();
                    case "unwrap":
                        if (((Class<?>) args[0]).isInstance(proxy)) {
                            return proxy;
                        }
                        break;
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        break;
                }
                if (returned) {
                    throw new SQLException("This connection was closed.");
                }
                try {
                    return method.invoke(physical, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }
}
