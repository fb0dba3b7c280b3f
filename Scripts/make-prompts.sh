#!/usr/bin/env bash
# Makes Parley's default voice prompt set from text, reproducibly:
#   Scripts/make-prompts.sh [OUTPUT_DIR]     (default: Prompts/ in the repository)
# writes OUTPUT_DIR/8000/*.wav and OUTPUT_DIR/16000/*.wav, mono 16-bit PCM, with the file names
# SEMS webconference ships (0-9, beep, entering_conference, first_participant, pin_prompt,
# wrong_pin, wrong_pin_bye), so a SEMS prompt directory and this one are interchangeable, plus
# room_full for Parley's participant limit.
# Speech comes from espeak-ng (voice en-us, fixed speed and pitch), rate conversion from sox with
# dither off, so the same package versions give byte-identical files.
set -euo pipefail

repository_root="$(cd "$(dirname "$0")/.." && pwd)"
output_dir="${1:-$repository_root/Prompts}"

for tool in espeak-ng sox; do
    command -v "$tool" >/dev/null || {
        echo "make-prompts: $tool is missing (apt-get install -y espeak-ng sox)" >&2
        exit 1
    }
done

declare -A texts=(
    [pin_prompt]="Welcome to the conference bridge. Please enter your room number, followed by the pound key."
    [wrong_pin]="That room number is not valid. Please try again."
    [wrong_pin_bye]="That room number is not valid. Goodbye."
    [entering_conference]="You are now entering the conference."
    [first_participant]="You are the first participant in this conference."
    [room_full]="This conference is full. Goodbye."
    [0]="zero" [1]="one" [2]="two" [3]="three" [4]="four"
    [5]="five" [6]="six" [7]="seven" [8]="eight" [9]="nine"
)

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT

for rate in 8000 16000; do
    mkdir -p "$output_dir/$rate"
    for name in "${!texts[@]}"; do
        espeak-ng -v en-us -s 150 -p 50 -w "$work_dir/$name.wav" "${texts[$name]}"
        sox -D "$work_dir/$name.wav" -r "$rate" -c 1 -b 16 -e signed-integer "$output_dir/$rate/$name.wav"
    done
    # The join/leave beep: 200 ms of 880 Hz at -12 dBFS with 10 ms fades, no speech.
    sox -D -n -r "$rate" -c 1 -b 16 -e signed-integer "$output_dir/$rate/beep.wav" \
        synth 0.2 sine 880 vol 0.25 fade t 0.01 0.2 0.01
done

echo "make-prompts: wrote $(find "$output_dir" -name '*.wav' | wc -l) prompts to $output_dir"
