Console.WriteLine("microbench");
