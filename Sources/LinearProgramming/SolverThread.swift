import Foundation

/// A dedicated thread that runs submitted work in order.
///
/// GLPK keeps per-thread state, so a `GLPKProblem` must live its whole life on one thread. Create the
/// problems inside work submitted here and keep them in the thread's own storage; then several
/// `SolverThread`s can solve independent problems in parallel.
public final class SolverThread: @unchecked Sendable {
    /// The queue the thread serves; the thread holds it strongly, so it outlives this handle until stopped.
    private final class WorkQueue: @unchecked Sendable {
        let condition = NSCondition()
        var items: [() -> Void] = []
        var stopping = false

        func loop() {
            while true {
                condition.lock()
                while items.isEmpty && !stopping { condition.wait() }
                if items.isEmpty && stopping {
                    condition.unlock()
                    return
                }
                let work = items.removeFirst()
                condition.unlock()
                work()
            }
        }
    }

    private let queue = WorkQueue()

    /// Starts the thread.
    public init(name: String) {
        let queue = self.queue
        let thread = Thread { queue.loop() }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Stops the thread once its queued work is done.
    deinit { stop() }

    /// Runs `work` on this thread and waits for its result.
    public func run<T>(_ work: @escaping () throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<T, Error>!
        submit {
            outcome = Result { try work() }
            done.signal()
        }
        done.wait()
        return try outcome.get()
    }

    /// Queues `work` without waiting.
    public func submit(_ work: @escaping () -> Void) {
        queue.condition.lock()
        queue.items.append(work)
        queue.condition.signal()
        queue.condition.unlock()
    }

    /// Stops the thread after the queued work.
    public func stop() {
        queue.condition.lock()
        queue.stopping = true
        queue.condition.signal()
        queue.condition.unlock()
    }
}

/// Runs one closure per thread in parallel and waits for all of them.
public func runInParallel<T>(on threads: [SolverThread], _ work: @escaping @Sendable (Int) throws -> T) throws -> [T] {
    let group = DispatchGroup()
    let lock = NSLock()
    nonisolated(unsafe) var results = [Result<T, Error>?](repeating: nil, count: threads.count)
    for (index, thread) in threads.enumerated() {
        group.enter()
        thread.submit {
            let outcome = Result { try work(index) }
            lock.lock()
            results[index] = outcome
            lock.unlock()
            group.leave()
        }
    }
    group.wait()
    return try results.map { try $0!.get() }
}
