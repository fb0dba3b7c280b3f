import ConferenceModel
import Logging
import ServiceLifecycle

/// Saves the call counters once a second when they changed, off the calls' path: SEMS rewrites
/// its file on every second call, which at hundreds of calls a second is hundreds of synchronous
/// writes. Graceful shutdown saves them once more, after the calls have ended.
struct CallStatisticsKeeper: Service {
    let registry: VoiceRoomRegistry
    let store: CallStatisticsStore
    let logger: Logger

    func run() async throws {
        var saved = await registry.update { directory, _ in directory.statistics }
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            let current = await registry.update { directory, _ in directory.statistics }
            guard current != saved else { continue }
            await save(current)
            saved = current
        }
        await save(await registry.update { directory, _ in directory.statistics })
    }

    private func save(_ statistics: CallStatistics) async {
        do {
            try await store.save(statistics)
        } catch {
            logger.warning("call statistics not saved: \(error)")
        }
    }
}
