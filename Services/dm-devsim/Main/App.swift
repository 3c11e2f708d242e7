import DeviceSimulator
print("dm-devsim")
