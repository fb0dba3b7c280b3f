/// The storage and per-tick state of one member, kept in a slot of ``MixMinusMixer`` that is reused
/// after the member leaves (its frame buffers too, so a room that has warmed up allocates nothing on add).
struct MixerMemberSlot {
    /// The lowest smoothed level; silence counts as this so the average stays finite.
    static let quietestSmoothedLevelDBFS = -120.0
    /// The weight of a quieter frame in the smoothed level (about 60 ms of decay at 20 ms frames).
    static let levelSmoothing = 0.3

    /// Bumped each time the slot is handed to a new member.
    var generation: UInt32 = 0
    /// Whether a member occupies the slot.
    var isActive = false
    /// The slot's position in the mixer's list of active slots, for removal in O(1).
    var activeIndex = 0

    /// This tick's decoded frame at the room rate, written by the engine before the tick.
    let input: UnsafeMutablePointer<Int16>
    /// The member's own output frame, when its output key is ``MixerOutputKey/own(_:)``.
    let output: UnsafeMutablePointer<Int16>
    /// Whether ``input`` holds a frame for this tick.
    var hasInput = false
    /// This tick's room prompts the member is left out of (``MixerSourceTarget/roomExcept(_:)``), summed.
    let excludedAudio: UnsafeMutablePointer<Int32>
    /// Whether ``excludedAudio`` holds audio for this tick.
    var hasExcludedAudio = false

    /// Muted: the member's voice stays out of the mix; they still hear the room.
    var isMuted = false
    /// Deaf: the member hears silence (their private prompt excepted).
    var isDeaf = false
    /// Gain applied to the member's voice before it joins the mix, Q12.
    var inputGainQ12 = MixerGain.unity
    /// Gain applied to everything the member hears, Q12.
    var outputGainQ12 = MixerGain.unity

    /// Talking / not talking.
    var detector = TalkerDetector()
    /// The level of this tick's frame after input gain, in dBFS.
    var levelDBFS = -Double.infinity
    /// A peak-following level for picking the loudest talker, in dBFS (floored at −120).
    var smoothedLevelDBFS = Self.quietestSmoothedLevelDBFS
    /// Whether the member's voice is in this tick's mix.
    var contributes = false
    /// Which output the member hears this tick.
    var outputKey = MixerOutputKey.fullMix
    /// The limiter of the member's own output frame.
    var limiter: SoftLimiter
    /// A prompt only this member hears.
    var source: (any AudioFrameSource)?

    init(samplesPerFrame: Int, limiter: SoftLimiter) {
        input = .allocate(capacity: samplesPerFrame)
        input.initialize(repeating: 0, count: samplesPerFrame)
        output = .allocate(capacity: samplesPerFrame)
        output.initialize(repeating: 0, count: samplesPerFrame)
        excludedAudio = .allocate(capacity: samplesPerFrame)
        excludedAudio.initialize(repeating: 0, count: samplesPerFrame)
        self.limiter = limiter
    }

    /// Clears the member state for a new occupant, keeping the buffers.
    mutating func reset(limiter: SoftLimiter) {
        hasInput = false
        hasExcludedAudio = false
        isMuted = false
        isDeaf = false
        inputGainQ12 = MixerGain.unity
        outputGainQ12 = MixerGain.unity
        detector = TalkerDetector()
        levelDBFS = -.infinity
        smoothedLevelDBFS = Self.quietestSmoothedLevelDBFS
        contributes = false
        outputKey = .fullMix
        self.limiter = limiter
        source = nil
    }

    /// Frees the buffers; called once by the mixer's `deinit`.
    func deallocate() {
        input.deallocate()
        output.deallocate()
        excludedAudio.deallocate()
    }
}

extension MixerMemberSlot {
    /// Measures this tick's input, advances talker detection and decides whether the member
    /// contributes (see "Who contributes" in ``MixMinusMixer``).
    mutating func measureInput(count: Int, settings: TalkerDetectionSettings) -> TalkerDetector.Transition {
        levelDBFS = hasInput ? PCMLevel.decibelsFullScale(input, count: count, gainQ12: inputGainQ12) : -.infinity
        let bounded = max(levelDBFS, Self.quietestSmoothedLevelDBFS)
        // Rises at once, falls slowly: a new loud talker is the loudest as soon as detection confirms
        // them, while a talker's brief dip between syllables does not hand the floor away.
        smoothedLevelDBFS = max(bounded, smoothedLevelDBFS + Self.levelSmoothing * (bounded - smoothedLevelDBFS))
        let transition = detector.observe(levelDBFS: levelDBFS, settings: settings)
        contributes = hasInput && !isMuted && (detector.isTalking || levelDBFS >= settings.onThresholdDBFS)
        return transition
    }

    /// Adds a frame of a room prompt the member must not hear to ``excludedAudio``.
    mutating func exclude(_ frame: UnsafePointer<Int16>, count: Int) {
        if hasExcludedAudio {
            for index in 0..<count { excludedAudio[index] &+= Int32(frame[index]) }
        } else {
            for index in 0..<count { excludedAudio[index] = Int32(frame[index]) }
            hasExcludedAudio = true
        }
    }

    /// Whether the member may hold the floor: talking and heard by the room.
    var isFloorCandidate: Bool {
        detector.isTalking && !isMuted
    }

    /// Adds the member's voice, after input gain, to `mix`.
    func addVoice(to mix: UnsafeMutablePointer<Int32>, count: Int) {
        // Each term is at most 2¹⁸ in magnitude (Int16 × gain ≤ 8), so Int32 holds 8192 of them:
        // wrapping addition never wraps in practice and lets the loop vectorise.
        if inputGainQ12 == MixerGain.unity {
            for index in 0..<count {
                mix[index] &+= Int32(input[index])
            }
        } else {
            for index in 0..<count {
                mix[index] &+= MixerGain.scale(input[index], by: inputGainQ12)
            }
        }
    }

    /// Writes `mix` minus the member's own voice to `accumulator`; the subtraction repeats the exact
    /// arithmetic of ``addVoice(to:count:)``, so the member's voice cancels to the last bit.
    func subtractVoice(from mix: UnsafePointer<Int32>, into accumulator: UnsafeMutablePointer<Int32>, count: Int) {
        if inputGainQ12 == MixerGain.unity {
            for index in 0..<count {
                accumulator[index] = mix[index] &- Int32(input[index])
            }
        } else {
            for index in 0..<count {
                accumulator[index] = mix[index] &- MixerGain.scale(input[index], by: inputGainQ12)
            }
        }
    }
}
