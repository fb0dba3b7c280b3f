// MediaMixer
