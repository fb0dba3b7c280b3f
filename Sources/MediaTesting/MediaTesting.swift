// MediaTesting
